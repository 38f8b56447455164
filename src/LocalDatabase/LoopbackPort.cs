using System.Net;
using System.Net.Sockets;

namespace Approval.LocalDatabase;

/// <summary>Ports on 127.0.0.1 for the embedded servers (and the tests' app processes).</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on now (the operating system's choice).</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static bool IsFree(int port)
    {
        if (port <= 0) return false;
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException) { return false; }
    }
}
