namespace Actors.Messages.ServiceBus;

/// <summary>What the cloud's router asks of the edge ServiceBus.</summary>
public interface IServiceBusMessage;

/// <summary>
/// REST → ServiceBus: call <c>http://127.0.0.1:&lt;Port&gt;&lt;Path&gt;</c> with <paramref name="Method"/> and answer
/// the cloud with the response (parent id = <paramref name="RequestId"/>).
/// </summary>
public sealed record CallEdgeService(string RequestId, int Port, string Path, string Method, ServiceBusHttpRequest Request) : IServiceBusMessage;

/// <summary>ServiceBus source rule created: edge applications may now send to <paramref name="TargetUrl"/>.</summary>
public sealed record AllowTargetUrl(string TargetUrl) : IServiceBusMessage;

/// <summary>ServiceBus source rule deleted.</summary>
public sealed record DisallowTargetUrl(string TargetUrl) : IServiceBusMessage;
