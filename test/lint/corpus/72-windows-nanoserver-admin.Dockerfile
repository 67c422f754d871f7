# escape=`
# corpus: Windows nanoserver image that switches to ContainerAdministrator to register a certificate and stays there
# expect: IG010@7
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
WORKDIR C:\app
COPY certs\ C:\certs\
USER ContainerAdministrator
RUN certutil -addstore root C:\certs\internal-ca.cer
COPY bin\ C:\app\
ENTRYPOINT ["C:\\app\\server.exe"]
