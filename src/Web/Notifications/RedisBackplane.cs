using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Approval.Web.Notifications;

/// <summary>
/// SignalR scale-out. The node that runs the read-model projection sends every notification; with several nodes the
/// reviewer's connection is usually on another one. With <c>ConnectionStrings:Redis</c> set, hub messages go through
/// Redis pub/sub and every node delivers them to its own connections. Unset, SignalR stays in memory: one node needs
/// no Redis.
/// </summary>
public static class RedisBackplane
{
    public static ISignalRServerBuilder AddRedisBackplaneWhenConfigured(this ISignalRServerBuilder signalR, IConfiguration configuration, string schema)
    {
        var connection = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connection)) return signalR;
        return signalR.AddStackExchangeRedis(connection, o =>
        {
            // Two deployments on one Redis (each with its own schema) do not hear each other.
            o.Configuration.ChannelPrefix = RedisChannel.Literal(schema);
            // A node starts, and keeps serving, while Redis is down; it reconnects by itself. Notifications sent meanwhile
            // reach only its own connections, and clients catch up with Missed().
            o.Configuration.AbortOnConnectFail = false;
        });
    }
}
