namespace Analytics.Dashboard.Sql;

/// <summary>
/// A write-only stream in front of a download or an output file that refuses, with
/// <see cref="ResultTooLargeException"/>, the first write past the byte cap. The stream it fronts is
/// not closed with it.
/// </summary>
public sealed class CappedStream(Stream inner, long maxBytes) : Stream
{
    public long Written { get; private set; }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Written + buffer.Length > maxBytes) throw new ResultTooLargeException(maxBytes);
        inner.Write(buffer);
        Written += buffer.Length;
    }

    public override void Flush() => inner.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public override long Position { get => Written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
