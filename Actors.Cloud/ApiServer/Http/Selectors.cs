using Actors.Messages.Kubernetes;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.ApiServer.Http;

/// <summary>The request's <c>labelSelector</c> / <c>fieldSelector</c>; a malformed one is a 400 Bad Request.</summary>
internal static class Selectors
{
    public static LabelSelector Labels(HttpContext ctx) => Parse(() => LabelSelector.Parse(HttpIo.Query(ctx, "labelSelector")));

    public static FieldSelector Fields(HttpContext ctx) => Parse(() => FieldSelector.Parse(HttpIo.Query(ctx, "fieldSelector")));

    private static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest(e.Message);
        }
    }
}
