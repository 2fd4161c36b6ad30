using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub.Security;

/// <summary>
/// KubeEdge's bootstrap HTTPS service (default port 10002): <c>GET /ca.crt</c> returns the CA certificate DER;
/// <c>GET /edge.crt</c> (POST accepted too) takes a DER CSR with <c>Authorization: Bearer &lt;JWT&gt;</c> and
/// <c>NodeName</c> (or a node client certificate, for renewal) and returns the signed certificate DER.
/// </summary>
public sealed class CertificateServer(
    CertificateAuthority authority,
    NodeCertificateIssuer issuer,
    JoinTokenService tokens,
    NodeCertificateValidator validator,
    ILogger<CertificateServer> logger) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The port actually bound (useful with port 0); 0 before start.</summary>
    public int BoundPort { get; private set; }

    /// <summary>Binds and starts serving; the server certificate is issued by the CA for the listen and advertise addresses.</summary>
    public async Task StartAsync(CertificateServerOptions options, CancellationToken cancellationToken = default)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        if (_app is not null)
        {
            throw new InvalidOperationException("the certificate server is already started");
        }

        var serverCertificate = issuer.IssueServerCertificate(
            options.AdvertiseAddresses.Append(options.Address).Distinct(), options.DnsNames, TimeSpan.FromDays(100 * 364));
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxCsrBytes;
            kestrel.Listen(options.Address, options.Port, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = serverCertificate,
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                ClientCertificateValidation = (_, _, _) => true, // checked per request in HandleEdgeCertAsync
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }));
        });
        var app = builder.Build();
        app.Run(context => HandleAsync(context, options));
        await app.StartAsync(cancellationToken);
        _app = app;
        BoundPort = PortOf(app);
        logger.LogInformation("Certificate service listening on {Address}:{Port}", options.Address, BoundPort);
    }

    /// <summary>Stops serving; in-flight requests get the host's shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context, CertificateServerOptions options)
    {
        var request = context.Request;
        switch (request.Path.Value)
        {
            case "/ca.crt" when HttpMethods.IsGet(request.Method):
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(authority.CertificateDer, context.RequestAborted);
                break;
            case "/edge.crt" when HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method):
                await HandleEdgeCertAsync(context, options);
                break;
            default:
                await PlainAsync(context, StatusCodes.Status404NotFound, "not found");
                break;
        }
    }

    private async Task HandleEdgeCertAsync(HttpContext context, CertificateServerOptions options)
    {
        var nodeName = context.Request.Headers["NodeName"].ToString();
        if (!NodeNames.IsValid(nodeName))
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, "missing or invalid NodeName header");
            return;
        }

        if (await AuthenticateAsync(context, nodeName) is { } denial)
        {
            logger.LogWarning("Refused a certificate for node {Node}: {Reason}", nodeName, denial);
            await PlainAsync(context, StatusCodes.Status401Unauthorized, denial);
            return;
        }

        var csr = await CsrBody.ReadAsync(context.Request, options.MaxCsrBytes, context.RequestAborted);
        if (csr is null)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, $"CSR body missing or larger than {options.MaxCsrBytes} bytes");
            return;
        }

        try
        {
            var usages = ExtendedKeyUsages.Parse(context.Request.Headers["ExtKeyUsages"].ToString());
            using var certificate = issuer.IssueNodeCertificate(csr, nodeName, usages);
            logger.LogInformation("Issued a certificate for node {Node}, valid until {NotAfter}", nodeName, certificate.NotAfter);
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(certificate.RawData, context.RequestAborted);
        }
        catch (Exception e) when (e is CertificateRequestException or FormatException)
        {
            logger.LogWarning("Bad certificate request from node {Node}: {Reason}", nodeName, e.Message);
            await PlainAsync(context, StatusCodes.Status400BadRequest, e.Message);
        }
    }

    /// <summary>Null when allowed: a node client certificate for this node, else a valid bearer JWT.</summary>
    private async Task<string?> AuthenticateAsync(HttpContext context, string nodeName)
    {
        var clientCertificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (clientCertificate is not null)
        {
            return RenewalDenial(clientCertificate, nodeName);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return "missing bearer token";
        }

        var verification = tokens.VerifyJwt(authorization[bearer.Length..].Trim());
        return verification.IsValid ? null : $"token rejected: {verification.Reason}";
    }

    private string? RenewalDenial(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string nodeName)
    {
        if (validator.ChainError(certificate) is { } chainError)
        {
            return chainError;
        }

        var cn = CertificateNames.CommonName(certificate.SubjectName);
        var o = CertificateNames.Organization(certificate.SubjectName);
        var isNode = cn == NodeCertificateIssuer.NodeCommonNamePrefix + nodeName && o == NodeCertificateIssuer.NodesOrganization;
        var isLegacy = cn == "kubeedge.io" && o == CertificateAuthority.DefaultCommonName;
        return isNode || isLegacy ? null : $"client certificate '{cn}' may not renew for node '{nodeName}'";
    }

    private static async Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static int PortOf(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address");
        return new Uri(first.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }
}
