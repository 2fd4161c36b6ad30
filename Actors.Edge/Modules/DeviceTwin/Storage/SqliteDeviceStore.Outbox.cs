using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>The durable cloud outbox (<c>device_cloud_outbox</c>).</summary>
public sealed partial class SqliteDeviceStore
{
    public CloudOutboxRow AddOutbox(CloudOutboxRow message) => message with
    {
        Seq = Insert(
            "INSERT INTO device_cloud_outbox (msg_id, envelope) VALUES ($msg, $envelope) RETURNING seq",
            c =>
            {
                SqliteRows.Add(c, "$msg", message.MsgId);
                SqliteRows.Add(c, "$envelope", message.Envelope);
            },
            $"cloud message '{message.MsgId}'"),
    };

    public IReadOnlyList<CloudOutboxRow> GetOutbox() => SqliteRows.Guard(() => Query(
        "SELECT seq, msg_id, envelope FROM device_cloud_outbox ORDER BY seq",
        _ => { },
        r => new CloudOutboxRow(r.GetInt64(0), r.GetString(1), r.GetString(2))));

    public bool DeleteOutbox(string msgId) =>
        SqliteRows.Guard(() => Run("DELETE FROM device_cloud_outbox WHERE msg_id = $msg", c => SqliteRows.Add(c, "$msg", msgId))) > 0;
}
