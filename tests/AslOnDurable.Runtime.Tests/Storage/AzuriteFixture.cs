using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AslOnDurable.Runtime.Tests.Storage;

/// <summary>
/// Starts one Azurite process (in-memory persistence) on free loopback ports for a test collection and stops it by
/// its PID afterwards.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(60);
    private Process? process;

    /// <summary>Gets the connection string with explicit endpoints (custom ports need them).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        string? azurite = AzuriteLocator.Find();
        if (azurite is null)
        {
            if (AzuriteLocator.MustRun)
            {
                throw new InvalidOperationException(AzuriteLocator.InstallHint);
            }

            return; // every test using the fixture is skipped by [AzuriteFact]
        }

        int[] ports = [FreePort(), FreePort(), FreePort()];
        ProcessStartInfo start = new(azurite)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in (string[])[
            "--silent", "--inMemoryPersistence", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", $"{ports[0]}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{ports[1]}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{ports[2]}"])
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {azurite}.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using CancellationTokenSource cts = new(StartBudget);
        foreach (int port in ports)
        {
            await WaitForListenerAsync(port, cts.Token);
        }

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;"
            + $"QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;"
            + $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (process is null)
        {
            return;
        }

        using Process stopping = process;
        if (!stopping.HasExited)
        {
            stopping.Kill(entireProcessTree: true);
            await stopping.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForListenerAsync(int port, CancellationToken ct)
    {
        while (true)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using TcpClient client = new();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }
}
