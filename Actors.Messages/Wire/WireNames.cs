namespace Actors.Messages.Wire;

/// <summary>JSON member names of KubeEdge's beehive message (<c>model/message.go</c>).</summary>
internal static class WireNames
{
    public static ReadOnlySpan<byte> Header => "header"u8;
    public static ReadOnlySpan<byte> Route => "route"u8;
    public static ReadOnlySpan<byte> Content => "content"u8;
    public static ReadOnlySpan<byte> MsgId => "msg_id"u8;
    public static ReadOnlySpan<byte> ParentMsgId => "parent_msg_id"u8;
    public static ReadOnlySpan<byte> Timestamp => "timestamp"u8;
    public static ReadOnlySpan<byte> ResourceVersion => "resourceversion"u8;
    public static ReadOnlySpan<byte> Sync => "sync"u8;
    public static ReadOnlySpan<byte> Type => "type"u8;
    public static ReadOnlySpan<byte> Source => "source"u8;
    public static ReadOnlySpan<byte> Destination => "destination"u8;
    public static ReadOnlySpan<byte> Group => "group"u8;
    public static ReadOnlySpan<byte> Operation => "operation"u8;
    public static ReadOnlySpan<byte> Resource => "resource"u8;
}
