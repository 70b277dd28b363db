using System.Net;
using System.Net.Sockets;

namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>
/// Keeps HTTP tasks away from the machine they run on and from cloud metadata services: loopback, link-local
/// (169.254.0.0/16 and fe80::/10, which hold the Azure and AWS instance metadata endpoints), the unspecified address and
/// Azure's platform address 168.63.129.16 are refused unless the connection says <c>allowPrivateNetwork</c>. The check is
/// made on the addresses actually connected to (<see cref="CreateHandler"/>), so a DNS name that resolves to such an
/// address is refused too.
/// </summary>
internal static class NetworkDestinationGuard
{
    /// <summary>The request option that lets one request through (set from its connection).</summary>
    public static readonly HttpRequestOptionsKey<bool> AllowPrivateNetwork = new("AslOnDurable.AllowPrivateNetwork");

    private static readonly IPAddress AzurePlatform = IPAddress.Parse("168.63.129.16");
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>Why an address is refused, or <see langword="null"/> when it may be reached.</summary>
    /// <param name="address">The address.</param>
    /// <returns>A short description (<c>loopback</c>, <c>link-local</c>, …) or <see langword="null"/>.</returns>
    public static string? RestrictionOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (address.Equals(AzurePlatform) || address.Equals(AwsMetadataV6))
        {
            return "cloud metadata";
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            byte[] bytes = address.GetAddressBytes();
            return bytes[0] == 169 && bytes[1] == 254 ? "link-local (cloud metadata)" : bytes[0] == 0 ? "unspecified" : null;
        }

        return address.IsIPv6LinkLocal ? "link-local" : null;
    }

    /// <summary>Checks a URL's host when it is an address literal or a loopback name, before any connection is made.</summary>
    /// <param name="uri">The URL.</param>
    /// <returns>Why it is refused, or <see langword="null"/>.</returns>
    public static string? RestrictionOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string host = uri.IdnHost;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "loopback";
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) ? RestrictionOf(address) : null;
    }

    /// <summary>
    /// A message handler that connects only to allowed addresses (every address a name resolves to is checked, and the
    /// first allowed one is used) unless the request carries <see cref="AllowPrivateNetwork"/>.
    /// </summary>
    /// <returns>The handler.</returns>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        ConnectCallback = ConnectAsync,
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        bool allowed = context.InitialRequestMessage.Options.TryGetValue(AllowPrivateNetwork, out bool allow) && allow;
        IPAddress[] addresses = IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        string? refused = null;
        foreach (IPAddress address in addresses)
        {
            if (!allowed && RestrictionOf(address) is { } restriction)
            {
                refused ??= $"{address} is a {restriction} address";
                continue;
            }

            Socket socket = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new RestrictedDestinationException(
            refused is null
                ? $"The host '{context.DnsEndPoint.Host}' resolved to no address."
                : $"The host '{context.DnsEndPoint.Host}' is refused: {refused}; set \"allowPrivateNetwork\": true on the connection to allow it.");
    }
}
