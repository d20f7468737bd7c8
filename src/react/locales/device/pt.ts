import type { DeviceMessages } from './en'

const messages: DeviceMessages = {
  phoneOption: 'Continuar no celular',
  noCamera: 'Nenhuma câmera foi encontrada neste dispositivo.',
  cameraDenied: 'A câmera está bloqueada para este site.',
  deniedChromium: 'Selecione o ícone à esquerda da barra de endereço, permita a câmera e tente novamente.',
  deniedFirefox: 'Selecione o ícone de câmera riscado na barra de endereço, remova o bloqueio e tente novamente.',
  deniedSafari: 'Escolha Safari › Ajustes para este site, permita a câmera e tente novamente.',
  deniedIos: 'Toque em aA na barra de endereço, escolha Ajustes do Site, permita a câmera e tente novamente.',
  deniedOther: 'Permita a câmera para este site nas configurações do navegador e tente novamente.',
  flowFailed: 'A verificação não carregou.',
  flowFailedHint: 'Uma extensão do navegador, um firewall ou um proxy pode estar bloqueando.',
  handoffScan:
    'Escaneie este código com a câmera do celular, ou copie o link e abra no celular. Ele funciona uma única vez, por alguns minutos.',
  handoffWaiting: 'Aguardando o celular…',
  handoffOpened: 'Aberto no celular. Conclua por lá: esta página acompanha sozinha.',
  handoffExpired: 'Este link expirou.',
  qrLabel: 'Código QR com o link para o celular',
  copyLink: 'Copiar link',
  linkCopied: 'Link copiado',
  newLink: 'Criar um novo link',
  cancel: 'Cancelar',
}

export default messages
