namespace Actors.Messages.Routing;

/// <summary>String contents with a fixed meaning in KubeEdge's protocol.</summary>
public static class WellKnownContent
{
    /// <summary>Successful response / ACK (<c>MessageSuccessfulContent</c>).</summary>
    public const string Ok = "OK";

    /// <summary>Content of the edge's keepalive.</summary>
    public const string Ping = "ping";

    /// <summary>EdgeHub's broadcast after connecting to the cloud.</summary>
    public const string CloudConnected = "cloud_connected";

    /// <summary>EdgeHub's broadcast after losing the cloud.</summary>
    public const string CloudDisconnected = "cloud_disconnected";

    /// <summary>Viaduct control reply: accepted.</summary>
    public const string Ack = "ack";

    /// <summary>Viaduct control reply: refused.</summary>
    public const string Nack = "nack";
}
