using System.Reflection;

namespace Analytics.Cli;

/// <summary>Exit codes of CLI.md: 0 success, 1 data refused, 2 usage error, 3 any other failure.</summary>
public static class ExitCode
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int Failure = 3;
}

/// <summary>One `analytics` command. Commands are found by reflection, so adding one is adding a file.</summary>
public interface ICommand
{
    string Name { get; }
    /// <summary>One line for the command list.</summary>
    string Summary { get; }
    /// <summary>The full --help text: usage line, options, an example.</summary>
    string Help { get; }
    int Run(Arguments args, TextWriter stdout, TextWriter stderr);
}

public sealed class UsageException(string message) : Exception(message);

public static class CommandLine
{
    public static IReadOnlyList<ICommand> Commands { get; } = typeof(CommandLine).Assembly.GetTypes()
        .Where(t => typeof(ICommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ICommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    public static int Run(string[] argv) => Run(argv, Console.Out, Console.Error);

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (ReferenceEquals(stdout, Console.Out)) Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (argv.Length == 0 || argv[0] is "--help" or "-h" or "help")
        {
            stdout.WriteLine(Overview());
            return argv.Length == 0 ? ExitCode.Usage : ExitCode.Ok;
        }
        if (argv[0] is "--version")
        {
            stdout.WriteLine(typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");
            return ExitCode.Ok;
        }
        var command = Commands.FirstOrDefault(c => c.Name == argv[0]);
        if (command is null)
        {
            stderr.WriteLine($"Lệnh không tồn tại / unknown command: {argv[0]}");
            stderr.WriteLine(Overview());
            return ExitCode.Usage;
        }
        if (argv.Skip(1).Any(a => a is "--help" or "-h"))
        {
            stdout.WriteLine(command.Help);
            return ExitCode.Ok;
        }
        try
        {
            return command.Run(new Arguments(argv.Skip(1)), stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"{command.Name}: {e.Message}");
            stderr.WriteLine(command.Help);
            return ExitCode.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"Lỗi / error: {e.Message}");
            if (Environment.GetEnvironmentVariable("ANALYTICS_DEBUG") == "1") stderr.WriteLine(e);
            return ExitCode.Failure;
        }
    }

    private static string Overview() =>
        "analytics: kho dữ liệu và báo cáo sơ kết mô hình chính quyền địa phương 2 cấp\n" +
        "(analytics and reporting warehouse for the two-tier local government review)\n\n" +
        "Lệnh / commands:\n" +
        string.Join("\n", Commands.Select(c => $"  {c.Name,-14} {c.Summary}")) +
        "\n\n`analytics <command> --help` cho chi tiết / for details.";
}

/// <summary>
/// Parsed arguments: `--name value` options, `--flag` switches, and positionals.
/// Each command declares which options take a value, so `--partial PATH` is not misread.
/// </summary>
public sealed class Arguments
{
    private readonly List<string> _raw;
    private readonly HashSet<string> _consumed = [];

    public Arguments(IEnumerable<string> raw) => _raw = raw.ToList();

    /// <summary>The value of `--name VALUE` (or `--name=VALUE`), or null.</summary>
    public string? Option(string name)
    {
        for (var i = 0; i < _raw.Count; i++)
        {
            if (_raw[i] == name)
            {
                if (i + 1 >= _raw.Count || _raw[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new UsageException($"{name} cần một giá trị / needs a value");
                _consumed.Add(name);
                return _raw[i + 1];
            }
            if (_raw[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                _consumed.Add(name);
                return _raw[i][(name.Length + 1)..];
            }
        }
        return null;
    }

    public string Required(string name) => Option(name) ?? throw new UsageException($"thiếu {name} / {name} is required");

    public bool Flag(string name) => _raw.Contains(name);

    /// <summary>Positionals: everything that is neither an option (given its value-taking names) nor a flag.</summary>
    public IReadOnlyList<string> Positionals(params string[] valueOptions)
    {
        var list = new List<string>();
        for (var i = 0; i < _raw.Count; i++)
        {
            var a = _raw[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (valueOptions.Contains(a)) i++;
                continue;
            }
            list.Add(a);
        }
        return list;
    }

    /// <summary>Refuses options the command does not know, so a typo never silently does the default.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var a in _raw.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            var name = a.Split('=')[0];
            if (!known.Contains(name)) throw new UsageException($"tùy chọn không hợp lệ / unknown option {name}");
        }
    }
}
