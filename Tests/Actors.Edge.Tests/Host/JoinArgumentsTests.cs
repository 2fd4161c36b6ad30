using Actors.Edge.Host;

namespace Actors.Edge.Tests.Host;

public sealed class JoinArgumentsTests
{
    [Fact]
    public void TryParse_HostOnly_KubeEdgeDefaultPortsAndDataDirConfig()
    {
        Assert.True(JoinArguments.TryParse(["--cloud", "10.0.0.5", "--token", "t", "--node-name", "edge-1", "--data-dir", "/tmp/e"], out var join, out _));

        Assert.Equal(new Uri("wss://10.0.0.5:10000"), join.HubServer);
        Assert.Equal(new Uri("https://10.0.0.5:10002"), join.CertificateServer);
        Assert.Equal("/tmp/e/edgecore.conf", join.ConfigFile);
        Assert.Equal("edge-1", join.NodeName);
        Assert.False(join.NoStart);
    }

    [Fact]
    public void TryParse_PortsIpv6AndNoStart_Honoured()
    {
        Assert.True(JoinArguments.TryParse(["--cloud", "[::1]:20000", "--cert-port", "20002", "--token", "t", "--no-start", "--config", "/etc/e.conf"], out var join, out _));

        Assert.Equal(new Uri("wss://[::1]:20000"), join.HubServer);
        Assert.Equal(new Uri("https://[::1]:20002"), join.CertificateServer);
        Assert.Equal("/etc/e.conf", join.ConfigFile);
        Assert.True(join.NoStart);
    }

    [Theory]
    [InlineData(new[] { "--token", "t" }, "--cloud and --token are required")]
    [InlineData(new[] { "--cloud", "h" }, "--cloud and --token are required")]
    [InlineData(new[] { "--cloud", "h:notaport", "--token", "t" }, "--cloud must be HOST or HOST:PORT")]
    [InlineData(new[] { "--cloud", "h", "--token", "t", "--cert-port", "0" }, "--cert-port must be a port number")]
    [InlineData(new[] { "--cloud", "h", "--token", "t", "--bogus", "1" }, "unknown argument '--bogus'")]
    [InlineData(new[] { "--cloud", "h", "--token" }, "--token needs a value")]
    public void TryParse_BadArguments_ClearError(string[] args, string expected)
    {
        Assert.False(JoinArguments.TryParse(args, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_BadArguments_ExitTwoWithUsage()
    {
        var (exit, _, stderr) = await HostProcess.RunAsync("edgecore.dll", ["join", "--cloud", "h"]);

        Assert.Equal(2, exit);
        Assert.Contains("usage: edgecore join", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_NothingListening_ExitOneWithReasonAndNoConfigWritten()
    {
        using var dir = new TempConfig();
        var token = new string('a', 64) + ".eyJhbGciOiJIUzI1NiJ9.e30.sig";

        var (exit, _, stderr) = await HostProcess.RunAsync("edgecore.dll",
            ["join", "--cloud", "127.0.0.1:1", "--cert-port", "1", "--token", token, "--node-name", "n1", "--data-dir", dir.Dir, "--no-start"]);

        Assert.Equal(1, exit);
        Assert.StartsWith("edgecore join: ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Dir, "edgecore.conf")));
    }
}
