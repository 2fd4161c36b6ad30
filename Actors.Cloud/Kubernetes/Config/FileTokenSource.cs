namespace Actors.Cloud.Kubernetes.Config;

/// <summary>
/// A token read from a file (tokenFile, or the projected service-account token, which the kubelet
/// rotates). Like client-go it is re-read once its cached copy is older than the refresh period, and
/// at once after a 401. A failed re-read keeps the last good token.
/// </summary>
public sealed class FileTokenSource : ITokenSource
{
    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshPeriod;
    private string _token;
    private DateTimeOffset _readAt;

    public FileTokenSource(string path, TimeProvider time, TimeSpan refreshPeriod)
    {
        _path = path;
        _time = time;
        _refreshPeriod = refreshPeriod;
        _token = Read(path);
        _readAt = time.GetUtcNow();
    }

    /// <summary>client-go re-reads the service-account token every minute.</summary>
    public static TimeSpan DefaultRefreshPeriod => TimeSpan.FromMinutes(1);

    public string GetToken(bool forceRefresh)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (forceRefresh || now - _readAt >= _refreshPeriod)
            {
                try
                {
                    _token = Read(_path);
                    _readAt = now;
                }
                catch (KubeConfigException)
                {
                    // Keep the last good token; the file may be mid-rotation.
                }
            }
            return _token;
        }
    }

    private static string Read(string path)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length > 0 ? token : throw new KubeConfigException($"{path}: the token file is empty");
        }
        catch (IOException ex)
        {
            throw new KubeConfigException($"{path}: cannot read the token file: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new KubeConfigException($"{path}: cannot read the token file: {ex.Message}", ex);
        }
    }
}
