using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>One <c>asl worker</c> process started by a test: its stdout lines are kept, and it is killed by its PID.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(string name, Process process)
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
            if (e.Data.StartsWith("worker ready", StringComparison.Ordinal))
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
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Worker {name} exited early: {string.Join(" | ", Errors)}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => process.Id;

    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Completes when the worker has printed its ready line (fails if it exits first).</summary>
    public Task Ready => ready.Task;

    /// <summary>The execution names of the task lines printed so far (<c>task &lt;execution ARN&gt; &lt;state&gt; &lt;retry&gt;</c>).</summary>
    public IReadOnlyList<(string Execution, string State)> Tasks() =>
        Lines.Where(l => l.StartsWith("task ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Select(p => (p[1][(p[1].LastIndexOf(':') + 1)..], p[2]))
            .ToList();

    public static WorkerProcess Start(string name, IEnumerable<string> arguments)
    {
        string cli = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AslCliAssembly").Value!;
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
        start.ArgumentList.Add("worker");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new WorkerProcess(name, Process.Start(start) ?? throw new InvalidOperationException("Could not start " + cli));
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
