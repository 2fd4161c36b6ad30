namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>The action of a <c>$hw/events/device/&lt;id&gt;/…</c> topic an app or mapper publishes on.</summary>
public enum DeviceTopicAction
{
    /// <summary><c>twin/update</c>: report actual and/or desired values.</summary>
    TwinUpdate,

    /// <summary><c>twin/get</c>: read the twin document.</summary>
    TwinGet,

    /// <summary><c>twin/cloud_updated</c>: a cloud-style sync (versions checked).</summary>
    TwinCloudSync,

    /// <summary><c>state/update</c>: report the device state.</summary>
    StateUpdate,
}
