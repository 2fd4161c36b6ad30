namespace Actors.Messages.Wire;

/// <summary>Why an envelope could not be decoded.</summary>
public enum EnvelopeErrorKind
{
    /// <summary>The input is larger than the configured maximum.</summary>
    TooLarge,

    /// <summary>The input is not well-formed JSON (or nests deeper than allowed).</summary>
    MalformedJson,

    /// <summary>A required member (<c>header</c>, <c>header.msg_id</c>, <c>route</c>) is missing.</summary>
    MissingField,

    /// <summary>A known member has the wrong JSON type.</summary>
    WrongType,
}
