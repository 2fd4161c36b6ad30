namespace Actors.Messages.Wire;

/// <summary>Limits applied by <see cref="EnvelopeCodec"/> when decoding.</summary>
/// <param name="MaxMessageBytes">Largest accepted input, in bytes (default 8 MiB).</param>
/// <param name="MaxDepth">Deepest accepted JSON nesting, counting the envelope itself (default 64).</param>
public sealed record EnvelopeCodecOptions(int MaxMessageBytes = EnvelopeCodecOptions.DefaultMaxMessageBytes, int MaxDepth = 64)
{
    public const int DefaultMaxMessageBytes = 8 * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static EnvelopeCodecOptions Default { get; } = new();

    /// <summary>Errors naming the offending option; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxMessageBytes <= 0)
        {
            errors.Add($"{nameof(MaxMessageBytes)} must be positive (was {MaxMessageBytes})");
        }

        if (MaxDepth is < 3 or > MessageContent.MaxDepth)
        {
            errors.Add($"{nameof(MaxDepth)} must be between 3 and {MessageContent.MaxDepth} (was {MaxDepth})");
        }

        return errors;
    }
}
