using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

/// <summary>A client operation failed: refused CONNECT, lost connection during a request, or a closed client.</summary>
public sealed class MqttClientException : Exception
{
    public MqttClientException(string message, ConnectReturnCode returnCode)
        : base(message)
    {
        ReturnCode = returnCode;
    }

    public MqttClientException()
        : this("mqtt client error")
    {
    }

    public MqttClientException(string message)
        : base(message)
    {
    }

    public MqttClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Set when the broker refused CONNECT.</summary>
    public ConnectReturnCode? ReturnCode { get; }
}
