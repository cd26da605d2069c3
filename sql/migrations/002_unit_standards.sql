-- Versioned migration 002: the unit standards (tiêu chuẩn đơn vị hành chính) and the region of a unit.
-- Never destructive: raw.units gains a nullable column (a units file without it still loads) and
-- the row hashes of the rows already there are recomputed over the new column list, exactly as the
-- loader computes them (src/Etl/Loading/FileLoader.cs, Template), so loading the same units file
-- again after the upgrade still finds every row unchanged.

alter table raw.units add column if not exists region varchar;   -- canonical: folded, e.g. mien_nui

update raw.units
set row_hash = md5(concat_ws(chr(31),
    coalesce(cast(unit_code as varchar), chr(30)), coalesce(cast(unit_name as varchar), chr(30)),
    coalesce(cast(unit_type as varchar), chr(30)), coalesce(cast(parent_code as varchar), chr(30)),
    coalesce(cast(population as varchar), chr(30)), coalesce(cast(area_km2 as varchar), chr(30)),
    coalesce(cast(established as varchar), chr(30)), coalesce(cast(former_units as varchar), chr(30)),
    coalesce(cast(cluster as varchar), chr(30)), coalesce(cast(region as varchar), chr(30))));

-- one minimum per unit type, region ('*': every region) and criterion (a numeric column of units)
create table if not exists raw.unit_standards (
    unit_type      varchar not null,     -- xa | phuong | dac_khu
    region         varchar not null,     -- canonical region code, or '*' when the file left it empty
    criterion      varchar not null,     -- population | area_km2
    minimum        double not null,
    source         varchar not null,     -- the legal text the minimum comes from
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar,
    primary key (unit_type, region, criterion)
);
