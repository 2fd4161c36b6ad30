namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>A fact skipped, visibly, when ../shared/reference/kubeedge-examples is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TwinExamplesFactAttribute : FactAttribute
{
    public TwinExamplesFactAttribute()
    {
        if (ExamplesDirectory is null)
        {
            Skip = "../shared/reference/kubeedge-examples not found: KubeEdge example files unavailable";
        }
    }

    /// <summary>The examples directory found by walking up from the test binaries, or null.</summary>
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
