namespace Actors.Messages.Tests.Support;

/// <summary>Finds ../shared/reference (the path CI uses from a worktree root) by walking up from the test binaries.</summary>
internal static class SharedReference
{
    public static string? ExamplesDirectory { get; } = Find(Path.Combine("shared", "reference", "kubeedge-examples"));

    private static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
