using System.Text.Json.Nodes;

namespace Actors.Cloud.Tests.ApiServer;

/// <summary>kubectl against the bundled KubeEdge CRDs and a CRD installed by the test.</summary>
public sealed class KubectlCustomResourceTests
{
    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Cluster
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size: {type: integer, minimum: 1}
                      color: {type: string, enum: [red, blue]}
                  status:
                    type: object
                    properties:
                      conditions:
                        type: array
                        items:
                          type: object
                          properties:
                            type: {type: string}
                            status: {type: string}
        """;

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_BundledDeviceCrd_ValidatesPrunesAndPrintsColumns(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        const string device = """
            apiVersion: devices.kubeedge.io/v1beta1
            kind: Device
            metadata: {name: thermo}
            spec:
              deviceModelRef: {name: tm}
              nodeName: edge-1
              bogus: 1
            """;
        var file = h.WriteFile("device.yaml", device);
        var strict = await h.KubectlAsync(kubectl, "create", "-f", file);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("unknown field \"spec.bogus\"", strict.Stderr, StringComparison.Ordinal);

        (await h.KubectlAsync(kubectl, "create", "-f", file, "--validate=false")).Ok();
        var spec = JsonNode.Parse((await h.KubectlAsync(kubectl, "get", "device", "thermo", "-o", "jsonpath={.spec}")).Ok().Stdout)!.AsObject();
        Assert.False(spec.ContainsKey("bogus")); // pruned, as Kubernetes prunes unknown fields of structural schemas
        Assert.Matches(@"NAME\s+MODEL\s+NODE\s+STATE\s+AGE\s*\n\s*thermo\s+tm\s+edge-1\s+",
            (await h.KubectlAsync(kubectl, "get", "devices")).Ok().Stdout);

        var badEnum = await h.KubectlAsync(kubectl, "create", "-f", h.WriteFile("re.yaml",
            "apiVersion: rules.kubeedge.io/v1\nkind: RuleEndpoint\nmetadata: {name: r}\nspec: {ruleEndpointType: carrier-pigeon}\n"));
        Assert.NotEqual(0, badEnum.ExitCode);
        Assert.Contains("Unsupported value", badEnum.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kubectls.All), MemberType = typeof(Kubectls))]
    public async Task Kubectl_NewClusterScopedCrd_ServesItsResourcesUntilDeleted(string kubectl)
    {
        await using var h = await ApiServerHarness.StartAsync();
        (await h.KubectlAsync(kubectl, "apply", "-f", h.WriteFile("crd.yaml", WidgetCrd))).Ok();
        (await h.KubectlAsync(kubectl, "wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=30s")).Ok();
        (await h.KubectlAsync(kubectl, "apply", "-f", h.WriteFile("w.yaml",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3, color: red}\n"))).Ok();
        var missing = await h.KubectlAsync(kubectl, "create", "-f", h.WriteFile("bad.yaml",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w2}\nspec: {color: red}\n"));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("spec.size: Required value", missing.Stderr, StringComparison.Ordinal);

        var client = h.Client();
        var status = new JsonObject { ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }) } };
        using (var r = await client.PatchAsync("apis/example.com/v1/widgets/w1/status", ApiServerHarness.Json(status, "application/merge-patch+json")))
        {
            Assert.Equal(200, (int)r.StatusCode);
        }

        Assert.Matches(@"NAME\s+SIZE\s+READY\s*\n\s*w1\s+3\s+True", (await h.KubectlAsync(kubectl, "get", "wd")).Ok().Stdout);
        (await h.KubectlAsync(kubectl, "delete", "crd", "widgets.example.com")).Ok();
        Assert.NotEqual(0, (await h.KubectlAsync(kubectl, "get", "widgets.example.com")).ExitCode);
        using var gone = await client.GetAsync("apis/example.com/v1/widgets");
        Assert.Equal(404, (int)gone.StatusCode);
    }
}
