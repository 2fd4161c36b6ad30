using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>A message waiting for the edge's ACK: the newest version of one object, with its send count.</summary>
internal sealed record PendingMessage(string ObjectKey, MessageEnvelope Envelope, byte[] Frame, int Sends)
{
    public string MsgId => Envelope.Header.MsgId;
}
