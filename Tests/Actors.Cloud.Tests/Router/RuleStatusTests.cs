using System.Net;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Tests.ApiServer;

namespace Actors.Cloud.Tests.Router;

/// <summary>The router adds its delivery counters to each Rule's status in the API.</summary>
public sealed class RuleStatusTests : RouterTestBase
{
    [Fact]
    public async Task RuleStatus_DeliveredAndTimedOut_CountedInStatus()
    {
        await using var h = await ApiServerHarness.StartAsync();
        using var client = new KubernetesClient(KubeConfigLoader.Load(h.Server.KubeconfigPath));
        using var http = new HttpClient
        {
            BaseAddress = Start(TimeSpan.FromSeconds(1), _ => Task.FromResult(client), TimeSpan.FromMilliseconds(200)),
            Timeout = Long,
        };
        (await h.KubectlAsync(Kubectls.Default, "apply", "-f", h.WriteFile("rules.yaml", """
            apiVersion: rules.kubeedge.io/v1
            kind: RuleEndpoint
            metadata: {name: r, namespace: default}
            spec: {ruleEndpointType: rest, properties: {}}
            ---
            apiVersion: rules.kubeedge.io/v1
            kind: RuleEndpoint
            metadata: {name: e, namespace: default}
            spec: {ruleEndpointType: eventbus, properties: {}}
            ---
            apiVersion: rules.kubeedge.io/v1
            kind: RuleEndpoint
            metadata: {name: s, namespace: default}
            spec: {ruleEndpointType: servicebus, properties: {service_port: "8080"}}
            ---
            apiVersion: rules.kubeedge.io/v1
            kind: Rule
            metadata: {name: to-bus, namespace: default}
            spec: {source: r, sourceResource: {path: /a}, target: e, targetResource: {topic: t}}
            ---
            apiVersion: rules.kubeedge.io/v1
            kind: Rule
            metadata: {name: to-app, namespace: default}
            spec: {source: r, sourceResource: {path: /svc}, target: s, targetResource: {path: /x}}
            """))).Ok();

        await AwaitConditionAsync(async () =>
        {
            using var r = await http.PostAsync(new Uri("/edge-9/default/a", UriKind.Relative), new StringContent("m"));
            return r.StatusCode == HttpStatusCode.OK;
        }, Long);
        using (var second = await http.PostAsync(new Uri("/edge-9/default/a", UriKind.Relative), new StringContent("n")))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using (var unanswered = await http.GetAsync(new Uri("/edge-9/default/svc", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.RequestTimeout, unanswered.StatusCode);
        }

        var rules = client.Resource(KnownResources.Rules);
        RuleStatus? bus = null, app = null;
        await AwaitConditionAsync(async () =>
        {
            (bus, app) = ((await rules.GetAsync("default", "to-bus")).Status, (await rules.GetAsync("default", "to-app")).Status);
            return bus?.SuccessMessages == 2 && app?.FailMessages == 1;
        }, Long);
        Assert.Equal(0, bus!.FailMessages);
        Assert.Equal(0, app!.SuccessMessages);
        Assert.Contains("no answer from the edge", Assert.Single(app.Errors!), StringComparison.Ordinal);
    }
}
