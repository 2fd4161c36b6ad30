namespace Actors.TestKit.Processes;

/// <summary>A temporary directory holding config files written by a test; deleted on dispose.</summary>
public sealed class TempConfig : IDisposable
{
    public TempConfig() => Directory.CreateDirectory(Dir);

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "edgeactors-host-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The repository root (the folder holding hocon/ and EdgeActors.sln), found upwards from the test assembly.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeActors.sln")) && Directory.Exists(Path.Combine(dir.FullName, "hocon")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root with hocon/ not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
