using Actors.Cri.Runtime;

namespace Actors.Cri.Tests.Runtime;

public sealed class CriOptionsTests
{
    [Fact]
    public void EffectiveRuntime_NoEndpoint_Process()
    {
        Assert.Equal(CriRuntimeKind.Process, new CriOptions().EffectiveRuntime);
        Assert.Empty(new CriOptions().Validate());
    }

    [Fact]
    public void EffectiveRuntime_EndpointSet_Cri()
    {
        Assert.Equal(CriRuntimeKind.Cri, new CriOptions { Endpoint = "unix:///run/containerd/containerd.sock" }.EffectiveRuntime);
    }

    [Theory]
    [InlineData("unix:///run/containerd/containerd.sock", "/run/containerd/containerd.sock")]
    [InlineData("/run/crio/crio.sock", "/run/crio/crio.sock")]
    [InlineData("tcp://127.0.0.1:1234", null)]
    [InlineData("unix://relative.sock", null)]
    [InlineData("relative.sock", null)]
    [InlineData("", null)]
    public void SocketPath_Endpoint_Parsed(string endpoint, string? expected)
    {
        Assert.Equal(expected, CriOptions.SocketPath(endpoint));
    }

    [Fact]
    public void Validate_CriWithoutEndpoint_NamesKey()
    {
        var errors = new CriOptions { Runtime = CriRuntimeKind.Cri }.Validate();

        Assert.Contains(errors, e => e.StartsWith("endpoint:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadValues_EveryErrorReported()
    {
        var options = new CriOptions
        {
            Endpoint = "tcp://127.0.0.1:1",
            ImageEndpoint = "nope",
            RequestTimeout = TimeSpan.Zero,
            ConnectTimeout = TimeSpan.FromSeconds(-1),
            MaxMessageSize = 10,
        };

        var keys = options.Validate().Select(e => e.Split(':')[0]).ToList();

        Assert.Equal(["endpoint", "image-endpoint", "connect-timeout", "request-timeout", "max-message-size"], keys);
        var ex = Assert.Throws<ArgumentException>(() => CriRuntime.Create(options));
        Assert.Contains("request-timeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProcessWithRelativeRoot_Error()
    {
        var errors = new CriOptions { Runtime = CriRuntimeKind.Process, ProcessRootDirectory = "state" }.Validate();

        Assert.Contains(errors, e => e.StartsWith("process-root-directory:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndefinedRuntimeValue_Error()
    {
        Assert.Contains(new CriOptions { Runtime = (CriRuntimeKind)42 }.Validate(), e => e.StartsWith("runtime:", StringComparison.Ordinal));
    }
}
