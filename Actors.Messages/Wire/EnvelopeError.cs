namespace Actors.Messages.Wire;

/// <summary>A decoding failure: what kind, and a message naming the member or the byte position.</summary>
public sealed record EnvelopeError(EnvelopeErrorKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
