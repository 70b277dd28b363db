namespace AslOnDurable.Core.Engine.History;

/// <summary>The gate that serializes <see cref="CompactHistorySink"/>'s records (concurrent branches record at once).</summary>
public sealed partial class CompactHistorySink
{
    /// <summary>
    /// A gate held for a few hundred nanoseconds per event, mostly by one thread: entering is one compare-exchange and
    /// leaving one release write (a <see cref="Lock"/> reads the thread's id and takes a second atomic operation to leave,
    /// per event). Not reentrant; nothing under it blocks or re-enters it. A contended enter spins, then yields
    /// (<see cref="SpinWait"/>), so a holder preempted on a busy machine is waited for without burning the core.
    /// </summary>
    private sealed class Gate
    {
        private int held;

        /// <summary>Enters the gate; the scope leaves it when disposed.</summary>
        public Scope Enter()
        {
            if (Interlocked.CompareExchange(ref held, 1, 0) != 0)
            {
                EnterContended();
            }

            return new(this);
        }

        private void EnterContended()
        {
            SpinWait spin = default;
            do
            {
                spin.SpinOnce(); // spins a little, then yields and sleeps: the holder runs on
            }
            while (Volatile.Read(ref held) != 0 || Interlocked.CompareExchange(ref held, 1, 0) != 0);
        }

        /// <summary>The gate entered, left on <see cref="Dispose"/>.</summary>
        public readonly struct Scope(Gate gate) : IDisposable
        {
            public void Dispose() => Volatile.Write(ref gate.held, 0);
        }
    }
}
