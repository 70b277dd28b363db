using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// One <c>asl worker</c> or <c>asl serve</c> process started by a test: its stdout lines are kept, and it is stopped by
/// its PID (killed, or interrupted with SIGINT as Ctrl+C does).
/// </summary>
internal sealed class AslProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AslProcess(string name, string readyPrefix, Process process)
    {
        Name = name;
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            Lines.Enqueue(e.Data);
            if (e.Data.StartsWith(readyPrefix, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Errors.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"asl {name} exited early: {string.Join(" | ", Errors)}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => process.Id;

    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Completes when the process has printed its ready line (fails if it exits first).</summary>
    public Task Ready => ready.Task;

    /// <summary>The execution names of the task lines printed so far (<c>task &lt;execution ARN&gt; &lt;state&gt; &lt;retry&gt;</c>).</summary>
    public IReadOnlyList<(string Execution, string State)> Tasks() =>
        Lines.Where(l => l.StartsWith("task ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Select(p => (p[1][(p[1].LastIndexOf(':') + 1)..], p[2]))
            .ToList();

    /// <summary>Starts <c>asl worker</c>, ready once it prints <c>worker ready</c>.</summary>
    public static AslProcess StartWorker(string name, IEnumerable<string> arguments) => Start(name, "worker", "worker ready", arguments);

    /// <summary>Starts <c>asl serve</c>, ready once it prints <c>serving &lt;url&gt;</c> (see <see cref="ServingUrl"/>).</summary>
    public static AslProcess StartServe(string name, IEnumerable<string> arguments) => Start(name, "serve", "serving ", arguments);

    /// <summary>The URL a ready <c>asl serve</c> printed.</summary>
    public Uri ServingUrl() => new(Lines.First(l => l.StartsWith("serving ", StringComparison.Ordinal)).Split(' ')[1]);

    /// <summary>Sends SIGINT (what Ctrl+C sends) to the process.</summary>
    public void Interrupt()
    {
        using Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -INT {process.Id} exited with {kill.ExitCode}");
        }
    }

    /// <summary>Waits for the process to exit and answers its exit code.</summary>
    public async Task<int> ExitCodeAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    private static AslProcess Start(string name, string command, string readyPrefix, IEnumerable<string> arguments)
    {
        string cli = typeof(AslProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AslCliAssembly").Value!;
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException("Build src/AslOnDurable.Cli first (the test project builds it).", cli);
        }

        ProcessStartInfo start = new(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add(command);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new AslProcess(name, readyPrefix, Process.Start(start) ?? throw new InvalidOperationException("Could not start " + cli));
    }

    /// <summary>Kills the process at once (no graceful stop: leases and dequeued messages are left behind).</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
