using System.Collections.Immutable;

namespace Actors.Kernel.Persistence.Journal;

/// <summary>
/// The <c>tags</c> column format of Akka's SQL journals: <c>;tag1;tag2;</c> (leading and trailing
/// separator, so <c>LIKE '%;tag;%'</c> finds a tag), NULL when there are none.
/// </summary>
internal static class JournalTags
{
    private const int MaxLength = 2000;

    /// <summary>Formats tags; throws <see cref="ArgumentException"/> (a rejection) for a tag that is empty or contains ';'.</summary>
    public static string? Format(ImmutableArray<string> tags)
    {
        if (tags.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Contains(';', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Tag '{tag}' is empty or contains ';', which the tags column cannot hold.", nameof(tags));
            }
        }

        var value = ";" + string.Join(';', tags) + ";";
        return value.Length <= MaxLength
            ? value
            : throw new ArgumentException($"Tags take {value.Length} characters; the tags column holds {MaxLength}.", nameof(tags));
    }

    public static ImmutableArray<string> Parse(string value) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries)];
}
