using System.Text;
using Actors.Edge.Host;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.EventBus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>
/// The eventbus module's root actor. Owns the internal broker (modes internal/both) and one <see cref="MqttLink"/> per
/// broker. MQTT messages go to group <c>twin</c> (device/node topics) or <c>hub</c> (everything else, for the cloud);
/// <c>publish</c>/<c>message</c>/<c>subscribe</c>/<c>unsubscribe</c> envelopes are carried out on every link.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The broker and links are disposed in PostStop, the actor's end of life.")]
internal sealed class EventBusActor : UntypedActor
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private readonly ModuleContext _context;
    private readonly EventBusOptions _options;
    private readonly SubscribedTopics _topics;
    private readonly ModuleLoggerFactory _loggers;
    private readonly List<MqttLink> _links = [];
    private MqttBroker? _broker;

    public EventBusActor(ModuleContext context, EventBusOptions options, SubscribedTopics topics)
    {
        _context = context;
        _options = options;
        _topics = topics;
        _loggers = new ModuleLoggerFactory(context.Logger);
    }

    protected override void PreStart()
    {
        var topics = EventBusTopics.Default.Concat(_topics.Snapshot(_context.Logger)).Distinct(StringComparer.Ordinal).ToList();
        var stamp = _context.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)[..10];
        if (_options.Mode is EventBusModes.Internal or EventBusModes.Both)
        {
            var listen = EventBusEndpoints.ListenEndPoint(_options.InternalServer);
            _broker = new MqttBroker(new MqttBrokerOptions { Listen = listen, StorePath = _options.BrokerStore }.Validate(), _loggers, _context.Time);
            _broker.StartAsync().GetAwaiter().GetResult();
            var bound = _broker.LocalEndPoint;
            var client = ClientOptions("hub-client-" + stamp + "-internal", bound.Address.ToString(), bound.Port, tls: false);
            _links.Add(new MqttLink(new MqttLinkSettings("internal", client, (MqttQos)_options.Qos, _options.Retain), topics, OnMqtt, _loggers, _context.Time));
        }

        if (_options.Mode is EventBusModes.External or EventBusModes.Both)
        {
            var uri = new Uri(_options.ExternalServer);
            var client = ClientOptions("hub-client-" + stamp + "-" + Guid.NewGuid().ToString("N")[..6], uri.Host, uri.Port, uri.Scheme == "ssl");
            _links.Add(new MqttLink(new MqttLinkSettings("external", client, MqttQos.AtLeastOnce, false), topics, OnMqtt, _loggers, _context.Time));
        }

        var events = Context.System.EventStream;
        foreach (var link in _links)
        {
            link.Start();
            var name = link.Name;
            var log = _context.Logger;
            link.Ready.ContinueWith(
                _ =>
                {
                    log.LogInformation("eventbus {Link}: connected and subscribed to {Count} topics", name, topics.Count);
                    events.Publish(new EventBusLinkReady(name));
                },
                TaskScheduler.Default);
        }

    }

    protected override void PostStop()
    {
        var links = _links.ToList();
        _links.Clear();
        var broker = _broker;
        _broker = null;
        var stop = Task.Run(async () =>
        {
            foreach (var link in links)
            {
                await link.DisposeAsync().ConfigureAwait(false);
            }

            if (broker is not null)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }
        });
        if (!stop.Wait(StopTimeout))
        {
            _context.Logger.LogError("eventbus: MQTT links and broker did not stop within {Timeout}", StopTimeout);
        }
    }

    protected override void OnReceive(object message)
    {
        if (message is not BusMessage { Envelope: var envelope })
        {
            Unhandled(message);
            return;
        }

        switch (EventBusTranslator.TryParseCommand(envelope, out var reason))
        {
            case PublishFromCloud p:
                Publish(p.Topic, Encoding.UTF8.GetBytes(p.Body));
                break;
            case PublishMessageJson m:
                Publish(m.Topic, Encoding.UTF8.GetBytes(m.Json));
                break;
            case SubscribeTopic s when MqttTopic.IsValidTopicFilter(s.Topic):
                _topics.Add(s.Topic, _context.Logger);
                _links.ForEach(l => l.Subscribe(s.Topic));
                break;
            case UnsubscribeTopic u when MqttTopic.IsValidTopicFilter(u.Topic):
                _topics.Remove(u.Topic, _context.Logger);
                _links.ForEach(l => l.Unsubscribe(u.Topic));
                break;
            case SubscribeTopic or UnsubscribeTopic:
                _context.Logger.LogWarning("eventbus: '{Topic}' is not a valid MQTT topic filter; ignored", envelope.Route.Resource);
                break;
            default:
                _context.Logger.LogDebug("eventbus: ignored message {MsgId}: {Reason}", envelope.Header.MsgId, reason);
                break;
        }
    }

    private void Publish(string topic, byte[] payload)
    {
        if (!MqttTopic.IsValidTopicName(topic))
        {
            _context.Logger.LogWarning("eventbus: '{Topic}' is not a valid MQTT topic name; message dropped", topic);
            return;
        }

        foreach (var link in _links)
        {
            _ = link.PublishAsync(topic, payload);
        }
    }

    /// <summary>Runs on a link's reader task: translate and hand to the bus (thread-safe).</summary>
    private void OnMqtt(MqttApplicationMessage message)
    {
        var payload = Encoding.UTF8.GetString(message.Payload.Span);
        var header = MessageHeader.New(_context.Time);
        switch (EventBusTranslator.FromMqtt(message.Topic, payload))
        {
            case DeviceEventFromMqtt d:
                _context.Bus.SendToGroup(Groups.Twin, new BusMessage(EventBusTranslator.ToEnvelope(d, header)));
                break;
            case UploadToCloud u:
                _context.Bus.SendToGroup(Groups.Hub, new BusMessage(EventBusTranslator.ToEnvelope(u, header)));
                break;
        }
    }

    private static MqttClientOptions ClientOptions(string id, string host, int port, bool tls) => new MqttClientOptions
    {
        ClientId = id,
        Host = host,
        Port = port,
        CleanSession = true,
        UseTls = tls,
        TlsTargetHost = tls ? host : null,
    }.Validate();
}
