using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// A message waiting for the edge's ACK: the newest version of one object, with its send count in the current round
/// and the number of rounds of <see cref="CloudHubOptions.MaxSends"/> sends already made. <c>Seq</c> numbers each
/// (re)scheduling within the session, so a retry deadline set for an earlier send is recognised as stale.
/// </summary>
internal sealed record PendingMessage(string ObjectKey, MessageEnvelope Envelope, byte[] Frame, int Sends, int Rounds = 0, long Seq = 0)
{
    public string MsgId => Envelope.Header.MsgId;
}
