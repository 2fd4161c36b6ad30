using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Actors.Cloud.ApiServer.OpenApi;

/// <summary>A minimal protobuf (proto3) wire-format writer: varints, doubles, strings and nested messages.</summary>
public sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void String(int field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Bytes(field, Encoding.UTF8.GetBytes(value));
        }
    }

    public void Varint(int field, long value)
    {
        if (value != 0)
        {
            Tag(field, 0);
            RawVarint((ulong)value);
        }
    }

    public void Bool(int field, bool value) => Varint(field, value ? 1 : 0);

    public void Double(int field, double value)
    {
        if (value == 0)
        {
            return;
        }

        Tag(field, 1);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    public void Message(int field, Action<ProtoWriter> write)
    {
        var nested = new ProtoWriter();
        write(nested);
        Bytes(field, nested.ToArray(), always: true);
    }

    private void Bytes(int field, byte[] bytes, bool always = false)
    {
        if (bytes.Length == 0 && !always)
        {
            return;
        }

        Tag(field, 2);
        RawVarint((ulong)bytes.Length);
        _buffer.Write(bytes);
    }

    private void Tag(int field, int wireType) => RawVarint((ulong)((field << 3) | wireType));

    private void RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        _buffer.Write([(byte)value]);
    }
}
