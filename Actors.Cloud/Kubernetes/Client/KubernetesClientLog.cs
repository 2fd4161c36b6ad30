using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Kubernetes.Client;

internal static partial class KubernetesClientLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} answered {Code}; retrying after {Delay} (attempt {Attempt})")]
    public static partial void RetryAfter(ILogger logger, ApiRequest request, int code, TimeSpan delay, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} answered 401; re-reading the bearer token and retrying once")]
    public static partial void RefreshingToken(ILogger logger, ApiRequest request);
}
