namespace Analytics.Synthetic;

/// <summary>
/// A small deterministic random source (SplitMix64). System.Random's seeded sequence is not
/// promised to stay the same across .NET versions; sample files must, byte for byte.
/// </summary>
public sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for a named sub-stream, so adding draws in one part never shifts another.</summary>
    public static Rng For(ulong seed, string stream)
    {
        var h = 14695981039346656037UL; // FNV-1a of the stream name, mixed with the seed
        foreach (var ch in stream) { h ^= ch; h *= 1099511628211UL; }
        return new Rng(seed ^ h);
    }

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max] inclusive.</summary>
    public int Int(int min, int max) => min + (int)(NextULong() % (ulong)(max - min + 1));

    public double Range(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    /// <summary>Approximately normal (sum of uniforms), cheap and bounded to ±3σ.</summary>
    public double Normal(double mean, double sd)
    {
        var s = 0.0;
        for (var i = 0; i < 6; i++) s += NextDouble();
        return mean + (s - 3.0) * sd * Math.Sqrt(2.0);
    }

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) total += weights[i];
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }
}
