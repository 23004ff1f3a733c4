using LearningPortal.Web.Infrastructure;

namespace LearningPortal.Web.Commands;

/// <summary>
/// <c>demo-accounts</c>, Development only: creates any missing demo account, gives each a new password and prints
/// the passwords with the authenticator keys. Anywhere else it refuses and changes nothing.
/// </summary>
public static class DemoAccountsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IHostEnvironment environment, TextWriter output)
    {
        if (!environment.IsDevelopment())
        {
            await output.WriteLineAsync($"demo-accounts works only in the Development environment (this is {environment.EnvironmentName}).");
            return 2;
        }

        DemoAccounts.Print(await services.GetRequiredService<DemoAccounts>().CreateOrResetAsync(), output);
        return 0;
    }
}
