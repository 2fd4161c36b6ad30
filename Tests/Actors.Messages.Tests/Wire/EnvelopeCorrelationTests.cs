using Actors.Messages.Bus;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Wire;

public sealed class EnvelopeCorrelationTests
{
    private static readonly MessageEnvelope Request = new(
        new MessageHeader("req-1", Timestamp: 1),
        new MessageRoute("edged", "meta", "query", "default/pod/p"),
        MessageContent.Null);

    [Fact]
    public void IdOf_ParentIdOf_EnvelopeAndBusRecords_ReadHeaderIds()
    {
        var response = MessageEnvelope.ResponseTo(Request, new MessageHeader("resp-1"), MessageContent.FromString("OK"));

        Assert.Equal("req-1", EnvelopeCorrelation.IdOf(Request));
        Assert.Equal("req-1", EnvelopeCorrelation.IdOf(new BusMessage(Request)));
        Assert.Null(EnvelopeCorrelation.ParentIdOf(Request));
        Assert.Equal("resp-1", EnvelopeCorrelation.IdOf(new SendResponse(response)));
        Assert.Equal("req-1", EnvelopeCorrelation.ParentIdOf(response));
        Assert.Equal("req-1", EnvelopeCorrelation.ParentIdOf(new BusMessage(response)));
        Assert.Null(EnvelopeCorrelation.IdOf("not an envelope"));
        Assert.Null(EnvelopeCorrelation.ParentIdOf(new CloudConnected(DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void MarkSync_Envelope_SetsSyncAndKeepsId()
    {
        var marked = Assert.IsType<BusMessage>(EnvelopeCorrelation.MarkSync(new BusMessage(Request)));

        Assert.True(marked.Envelope.Header.Sync);
        Assert.Equal("req-1", EnvelopeCorrelation.IdOf(marked));
        Assert.False(Request.Header.Sync);
        Assert.Equal("text", EnvelopeCorrelation.MarkSync("text"));
    }
}
