using System.Text.Json;
using DuckDB.NET.Data;

namespace Analytics.Dashboard.Sql;

/// <summary>
/// Lets through exactly one query statement (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE),
/// decided by DuckDB's own parser: json_serialize_sql serialises SELECT statements only and reports
/// anything else as not a SELECT. This is for a clear message; the read-only, external-access-off,
/// locked instance is what actually stops writes and escapes.
/// </summary>
public static class StatementGuard
{
    public static void EnsureQuery(DuckDBConnection connection, string sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw new SqlRefusedException("Chưa nhập câu truy vấn", "the query is empty");
        string json;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT json_serialize_sql($sql::VARCHAR)";
            cmd.Parameters.Add(new DuckDBParameter("sql", sql));
            json = (string)cmd.ExecuteScalar()!;
        }
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : null;
            if (type == "parser")
                throw new SqlQueryException($"lỗi cú pháp / syntax error: {message}", new FormatException(message));
            var keyword = LeadingKeyword(sql);
            throw Refusal(keyword);
        }
        var count = root.GetProperty("statements").GetArrayLength();
        if (count != 1)
            throw new SqlRefusedException("Mỗi lần chỉ chạy một câu truy vấn", $"run one query at a time ({count} statements given)");
    }

    /// <summary>The message for a statement that is not a query, naming what it is.</summary>
    private static SqlRefusedException Refusal(string keyword) => keyword switch
    {
        "COPY" or "EXPORT" => new("Không được phép ghi ra tệp (COPY/EXPORT); hãy dùng nút tải CSV/JSON/Parquet",
            "writing files (COPY/EXPORT) is not allowed; use the CSV/JSON/Parquet download", keyword),
        "ATTACH" or "DETACH" or "USE" => new("Không được phép gắn hay chuyển sang cơ sở dữ liệu khác (ATTACH)",
            "attaching or switching to another database (ATTACH) is not allowed", keyword),
        "INSTALL" or "LOAD" or "FORCE" => new("Không được phép cài hay nạp phần mở rộng (INSTALL/LOAD)",
            "installing or loading extensions (INSTALL/LOAD) is not allowed", keyword),
        "SET" or "RESET" or "PRAGMA" or "CALL" => new("Không được phép thay đổi cấu hình (SET/PRAGMA)",
            "configuration changes (SET/PRAGMA) are not allowed", keyword),
        "CREATE" or "DROP" or "ALTER" or "INSERT" or "UPDATE" or "DELETE" or "TRUNCATE" or "MERGE" or "COMMENT"
            or "CHECKPOINT" or "VACUUM" or "ANALYZE" or "BEGIN" or "COMMIT" or "ROLLBACK" or "UPSERT" or "IMPORT" =>
            new("Kho dữ liệu chỉ đọc: không được tạo, sửa, ghi hay xóa (DDL/DML)",
                "the warehouse is read-only: no create, alter, insert, update or delete (DDL/DML)", keyword),
        _ => new("Chỉ cho phép câu truy vấn SELECT (cả WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE)",
            "only SELECT queries are allowed (also WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE)", keyword),
    };

    /// <summary>The first word of the statement after comments, upper-cased; only used to word the message.</summary>
    internal static string LeadingKeyword(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]) || sql[i] == '(' || sql[i] == ';') { i++; continue; }
            if (sql.AsSpan(i).StartsWith("--"))
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
                continue;
            }
            if (sql.AsSpan(i).StartsWith("/*"))
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                continue;
            }
            break;
        }
        var start = i;
        while (i < sql.Length && char.IsAsciiLetter(sql[i])) i++;
        return sql[start..i].ToUpperInvariant();
    }
}
