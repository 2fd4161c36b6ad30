using System.Text;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>A minimal protobuf wire-format reader over a byte buffer (fields as (number, wire type, value)).</summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly bool End => _pos >= _data.Length;

    /// <summary>Reads the next field header; false at the end of the buffer.</summary>
    public bool Next(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (End)
        {
            return false;
        }

        var tag = Varint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length)
            {
                throw ApiException.BadRequest("truncated protobuf varint");
            }

            var b = _data[_pos++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw ApiException.BadRequest("malformed protobuf varint");
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var length = Varint();
        if (length > (ulong)(_data.Length - _pos))
        {
            throw ApiException.BadRequest("truncated protobuf field");
        }

        var slice = _data.Slice(_pos, (int)length);
        _pos += (int)length;
        return slice;
    }

    public string String() => Encoding.UTF8.GetString(Bytes());

    /// <summary>Skips a field of the given wire type.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: Varint(); break;
            case 1: Advance(8); break;
            case 2: Bytes(); break;
            case 5: Advance(4); break;
            default: throw ApiException.BadRequest($"unsupported protobuf wire type {wireType}");
        }
    }

    private void Advance(int n)
    {
        if (_pos + n > _data.Length)
        {
            throw ApiException.BadRequest("truncated protobuf field");
        }

        _pos += n;
    }
}
