namespace Actors.Kernel.Tests.Configuration;

/// <summary>A temporary folder for config files, deleted on dispose.</summary>
internal sealed class TempConfigDirectory : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hocon-test");

    public string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
