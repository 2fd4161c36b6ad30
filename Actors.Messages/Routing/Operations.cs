namespace Actors.Messages.Routing;

/// <summary>
/// Operation strings (<c>route.operation</c>) as KubeEdge defines them: beehive model, common constants, edge
/// messages, CloudHub model and viaduct control messages.
/// </summary>
public static class Operations
{
    // Beehive model.
    public const string Insert = "insert";
    public const string Delete = "delete";
    public const string Query = "query";
    public const string Update = "update";
    public const string Patch = "patch";
    public const string Upload = "upload";
    public const string Response = "response";
    public const string Error = "error";
    public const string UnholdUpgrade = "unhold-upgrade";

    // CSI (common/constants).
    public const string CreateVolume = "createvolume";
    public const string DeleteVolume = "deletevolume";
    public const string ControllerPublishVolume = "controllerpublishvolume";
    public const string ControllerUnpublishVolume = "controllerunpublishvolume";

    // Edge (edge/pkg/common/message).
    public const string Connect = "connect";
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Message = "message";
    public const string Publish = "publish";
    public const string GetResult = "get_result";
    public const string Keepalive = "keepalive";
    public const string Start = "start";
    public const string Stop = "stop";

    // CloudHub model.
    public const string Connected = "connected";
    public const string Disconnected = "disconnected";
    public const string Get = "get";
    public const string List = "list";
    public const string Detail = "detail";
    public const string Delta = "delta";
    public const string Document = "document";
    public const string Updated = "updated";
    public const string Deleted = "deleted";

    // Viaduct control messages (answered with "ack"/"nack", never routed).
    public const string Header = "header";
    public const string Config = "config";
    public const string Ping = "ping";
    public const string Pong = "pong";

    // MetaServer.
    public const string ApplicationResponse = "applicationResponse";
}
