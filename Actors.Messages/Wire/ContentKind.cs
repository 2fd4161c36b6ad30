namespace Actors.Messages.Wire;

/// <summary>The JSON kind of a message's <c>content</c>.</summary>
public enum ContentKind
{
    Null,
    String,
    Object,
    Array,
    Number,
    Boolean,
}
