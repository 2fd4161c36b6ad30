using System.Text;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.Router;

/// <summary>The envelopes the router sends towards a node (cloud form: resource starts with <c>node/&lt;id&gt;/</c>).</summary>
internal static class RouterEnvelopes
{
    /// <summary>REST → EventBus: published on the edge topic <c>&lt;topic&gt;&lt;rest&gt;</c> (no ACK).</summary>
    public static MessageEnvelope Publish(MessageHeader header, string node, string topic, byte[] body) => new(
        header,
        new MessageRoute(ModuleNames.RouterEventBus, Groups.User, Operations.Publish, "node/" + node + "/" + topic.TrimStart('/')),
        MessageContent.FromString(Encoding.UTF8.GetString(body)));

    /// <summary>REST → ServiceBus: an HTTP call to <c>127.0.0.1:&lt;port&gt;&lt;path&gt;</c> on the node.</summary>
    public static MessageEnvelope Call(MessageHeader header, string node, string port, string path, RestCall call) => new(
        header,
        new MessageRoute(ModuleNames.RouterServiceBus, Groups.User, call.Method, "node/" + node + "/" + port + ":" + path),
        ServiceBusTranslator.RequestContent(new ServiceBusHttpRequest(call.Headers, call.Body, call.Method, call.Url)));

    /// <summary>An eventbus-sourced rule: the node subscribes <c>&lt;ns&gt;/&lt;topic&gt;</c> (or unsubscribes).</summary>
    public static MessageEnvelope Subscription(MessageHeader header, string operation, string node, string ns, string topic) => new(
        header,
        new MessageRoute(ModuleNames.RouterEventBus, Groups.User, operation, "node/" + node + "/" + ns + "/" + topic),
        MessageContent.Null);

    /// <summary>A servicebus-sourced rule: the node allows (<c>start</c>) or forbids (<c>stop</c>) a target URL.</summary>
    public static MessageEnvelope TargetUrl(MessageHeader header, string operation, string node, string url) => new(
        header,
        new MessageRoute(ModuleNames.RouterServiceBus, Groups.User, operation, "node/" + node + "/" + url),
        MessageContent.Null);

    /// <summary>The answer to a node's servicebus upload (parent = the upload's id).</summary>
    public static MessageEnvelope UploadAnswer(MessageHeader header, string node, string requestId, ServiceBusHttpResponse response) => new(
        header with { ParentMsgId = requestId },
        new MessageRoute(ModuleNames.Router, Groups.User, Operations.Response, "node/" + node + "/servicebus"),
        ServiceBusTranslator.ResponseContent(response));
}
