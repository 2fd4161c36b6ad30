using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Kubernetes.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource}: watch from {ResourceVersion} expired (410 Gone); relisting")]
    public static partial void Gone(ILogger logger, string resource, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource}: list/watch failed; retrying in {Delay}")]
    public static partial void Failed(ILogger logger, Exception error, string resource, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource}: an event handler threw")]
    public static partial void HandlerFailed(ILogger logger, Exception error, string resource);
}
