using System.Security.Cryptography;
using System.Text;

namespace Analytics.Etl.Loading;

/// <summary>
/// One pass over a CSV file's bytes: its SHA-256 (the journal's), and what the SQL read path must
/// know to be sure it reads the file exactly as CsvTableReader would: the physical line count (so
/// that "one record per line after the header" can be checked), whether every byte is valid UTF-8,
/// whether a carriage return stands alone (CsvTableReader counts it as a line end), and whether
/// every quote sits where RFC 4180 puts it (opening a field, closing it before a delimiter or line
/// end, or doubled inside a quoted field) so DuckDB and our reader cannot split a field differently.
/// </summary>
internal sealed class CsvFileScan
{
    public string Sha256 { get; private init; } = "";
    /// <summary>Physical lines as CsvTableReader numbers them (a last line without '\n' counts).</summary>
    public long Lines { get; private init; }
    public bool ValidUtf8 { get; private init; }
    public bool LoneCarriageReturn { get; private init; }
    public bool CanonicalQuotes { get; private init; }
    /// <summary>A NUL byte: our reader keeps it in the cell; DuckDB's handling is not ours to rely on.</summary>
    public bool NulByte { get; private init; }

    private enum Quoting { Unquoted, Quoted, QuoteSeen }

    public static CsvFileScan Of(string path, char delimiter)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 20];
        var delim = (byte)delimiter;
        long newlines = 0, offset = 0;
        bool validUtf8 = true, loneCr = false, canonical = true, pendingCr = false, nul = false;
        byte previous = (byte)'\n'; // the file start is a field start
        byte last = 0;
        var quoting = Quoting.Unquoted;
        var bom = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            sha.AppendData(chunk);
            if (offset == 0) bom = chunk.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            if (validUtf8)
            {
                try { decoder.GetCharCount(chunk, flush: false); }
                catch (DecoderFallbackException) { validUtf8 = false; }
            }
            newlines += chunk.Count((byte)'\n');
            nul |= chunk.Contains((byte)0);
            if (!loneCr && (pendingCr || chunk.Contains((byte)'\r')))
                loneCr = HasLoneCr(chunk, ref pendingCr);
            if (canonical) canonical = CheckQuotes(chunk, offset, bom, delim, ref quoting, ref previous);
            last = chunk[^1];
            offset += read;
        }
        if (validUtf8)
        {
            try { decoder.GetCharCount([], flush: true); }
            catch (DecoderFallbackException) { validUtf8 = false; }
        }
        if (pendingCr) loneCr = true;
        if (quoting == Quoting.Quoted) canonical = false; // never closed: our reader refuses the file
        return new CsvFileScan
        {
            Sha256 = Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant(),
            Lines = offset == 0 ? 0 : newlines + (last == '\n' ? 0 : 1),
            ValidUtf8 = validUtf8,
            LoneCarriageReturn = loneCr,
            CanonicalQuotes = canonical,
            NulByte = nul,
        };
    }

    private static bool HasLoneCr(ReadOnlySpan<byte> chunk, ref bool pendingCr)
    {
        if (pendingCr && chunk[0] != '\n') return true;
        pendingCr = false;
        for (var i = chunk.IndexOf((byte)'\r'); i >= 0;)
        {
            if (i == chunk.Length - 1) { pendingCr = true; return false; }
            if (chunk[i + 1] != '\n') return true;
            var next = chunk[(i + 1)..].IndexOf((byte)'\r');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    /// <summary>Walks from quote to quote; false at the first quote RFC 4180 does not put there.</summary>
    private static bool CheckQuotes(ReadOnlySpan<byte> chunk, long offset, bool bom, byte delim, ref Quoting state, ref byte previous)
    {
        var pos = 0;
        while (pos < chunk.Length)
        {
            switch (state)
            {
                case Quoting.Unquoted:
                {
                    var q = chunk[pos..].IndexOf((byte)'"');
                    if (q < 0) { pos = chunk.Length; break; }
                    var at = pos + q;
                    var before = at > 0 ? chunk[at - 1] : previous;
                    // a field starts after a delimiter or line end, at the file start, or after its BOM
                    var fieldStart = before == delim || before == '\n' || before == '\r' || offset + at == 0
                        || (bom && offset + at == 3);
                    if (!fieldStart) return false;
                    state = Quoting.Quoted;
                    pos = at + 1;
                    break;
                }
                case Quoting.Quoted:
                {
                    var q = chunk[pos..].IndexOf((byte)'"');
                    if (q < 0) { pos = chunk.Length; break; }
                    state = Quoting.QuoteSeen;
                    pos += q + 1;
                    break;
                }
                case Quoting.QuoteSeen:
                {
                    var b = chunk[pos];
                    if (b == '"') { state = Quoting.Quoted; pos++; break; }
                    if (b != delim && b != '\r' && b != '\n') return false;
                    state = Quoting.Unquoted;
                    break;
                }
            }
        }
        previous = chunk[^1];
        return true;
    }
}
