using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Tests.Mqtt.Codec;

public sealed class MqttTopicTests
{
    [Theory]
    [InlineData("a/b", true)]
    [InlineData("/", true)]
    [InlineData("$SYS/x", true)]
    [InlineData("", false)]
    [InlineData("a/+", false)]
    [InlineData("a/#", false)]
    [InlineData("a\0b", false)]
    public void IsValidTopicName_Cases_Expected(string topic, bool valid) => Assert.Equal(valid, MqttTopic.IsValidTopicName(topic));

    [Theory]
    [InlineData("#", true)]
    [InlineData("+", true)]
    [InlineData("a/+/c", true)]
    [InlineData("a/#", true)]
    [InlineData("+/+/#", true)]
    [InlineData("/+", true)]
    [InlineData("", false)]
    [InlineData("a#", false)]
    [InlineData("a/#/b", false)]
    [InlineData("a+", false)]
    [InlineData("a/b+/c", false)]
    [InlineData("##", false)]
    public void IsValidTopicFilter_Cases_Expected(string filter, bool valid) => Assert.Equal(valid, MqttTopic.IsValidTopicFilter(filter));

    [Theory]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("#", "$SYS/x", false)]
    [InlineData("+/x", "$SYS/x", false)]
    [InlineData("$SYS/#", "$SYS/x", true)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/c", false)]
    public void Matches_SpecExamples_Expected(string filter, string topic, bool expected) => Assert.Equal(expected, MqttTopic.Matches(filter, topic));
}
