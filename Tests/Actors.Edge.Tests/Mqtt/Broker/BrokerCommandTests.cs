using System.Net;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;

namespace Actors.Edge.Tests.Mqtt.Broker;

public sealed class BrokerCommandTests
{
    [Fact]
    public void Parse_AllOptions_Mapped()
    {
        var options = BrokerCommand.Parse(["--listen", "127.0.0.1:1999", "--max-connections", "5", "--max-packet-size", "4096", "--username", "u", "--password", "p"]);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 1999), options.Listen);
        Assert.Equal((5, 4096, "u", "p"), (options.MaxConnections, options.MaxPacketSize, options.Username, options.Password));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--listen")]
    [InlineData("--listen nohost")]
    [InlineData("--listen example.org:1884")]
    [InlineData("--listen 127.0.0.1:99999")]
    [InlineData("--listen 127.0.0.1:1884 --max-connections -1")]
    [InlineData("--listen 127.0.0.1:1884 --bogus 1")]
    public void Parse_BadArguments_ArgumentException(string args) =>
        Assert.Throws<ArgumentException>(() => BrokerCommand.Parse(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public async Task Run_BadArguments_ExitCode2WithMessage()
    {
        using var error = new StringWriter();
        Assert.Equal(2, await BrokerCommand.RunAsync(["--listen", "127.0.0.1:1884", "--username", "u"], error));
        Assert.Contains("Username and Password must be set together", error.ToString(), StringComparison.Ordinal);
    }
}
