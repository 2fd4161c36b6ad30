using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.EdgeController.Upstream;

/// <summary>The node lease the edge renews (<c>kube-node-lease/lease/&lt;node&gt;</c>): create, or update the stored one's spec.</summary>
public static class LeaseWriter
{
    public static async Task<Lease> CreateOrUpdateAsync(KubernetesClient client, string @namespace, string name, MessageContent content, CancellationToken cancellationToken = default)
    {
        var leases = client.Resource(KnownResources.Leases);
        var lease = KnownResources.Leases.Codec.Deserialize(PatchContent.Bytes(content));
        lease.Metadata.Name ??= name;
        lease.Metadata.Namespace ??= @namespace;
        if (lease.Metadata.Name != name || lease.Metadata.Namespace != @namespace)
        {
            throw new FormatException($"the lease object is {lease.Metadata.Namespace}/{lease.Metadata.Name}, the resource names {@namespace}/{name}");
        }

        for (var attempt = 0; ; attempt++)
        {
            Lease current;
            try
            {
                current = await leases.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                lease.Metadata.ResourceVersion = null;
                return await leases.CreateAsync(@namespace, lease, cancellationToken).ConfigureAwait(false);
            }

            current.Spec = lease.Spec;
            try
            {
                return await leases.UpdateAsync(current, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesConflictException) when (attempt < 2)
            {
                // Someone else wrote the lease in between: read it again.
            }
        }
    }
}
