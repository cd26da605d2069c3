using System.Buffers.Binary;

namespace Analytics.Reports.Charts;

/// <summary>Writes a PNG's resolution (the pHYs chunk), which SkiaSharp's encoder leaves out.</summary>
public static class PngDpi
{
    /// <summary>The PNG with a pHYs chunk of <paramref name="dpi"/> right after IHDR (any old pHYs removed).</summary>
    public static byte[] Tag(byte[] png, int dpi)
    {
        const int signature = 8;
        var ihdrLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(signature));
        var afterIhdr = signature + 12 + ihdrLength;
        var perMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc(chunk.AsSpan(4, 13)));
        using var output = new MemoryStream(png.Length + chunk.Length);
        output.Write(png, 0, afterIhdr);
        output.Write(chunk);
        var at = afterIhdr;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var size = 12 + length;
            if (!png.AsSpan(at + 4, 4).SequenceEqual("pHYs"u8)) output.Write(png, at, size);
            at += size;
        }
        return output.ToArray();
    }

    // The CRC-32 of the PNG specification (ISO 3309), over a chunk's type and data.
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    /// <summary>The resolution a PNG is tagged with (dots per inch), or null.</summary>
    public static double? Read(byte[] png)
    {
        var at = 8;
        while (at + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (png.AsSpan(at + 4, 4).SequenceEqual("pHYs"u8) && png[at + 16] == 1)
                return BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8)) * 0.0254;
            at += 12 + length;
        }
        return null;
    }
}
