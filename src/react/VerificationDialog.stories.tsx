import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { pressEscape } from '../../.storybook/mocks/keyboard'
import './styles.css'
import { englishMessages as m } from './locales'
import ar from './locales/ar'
import { VerificationDialog } from './VerificationDialog'

// The dialog reads its colours from the widget root, as it does inside VerifyButton.
const inWidgetRoot: Decorator = (Story, { parameters }) => (
  <div className="vw-root" data-theme={parameters.theme ?? 'light'}>
    <Story />
  </div>
)

const meta = {
  title: 'Widget/VerificationDialog',
  component: VerificationDialog,
  decorators: [inWidgetRoot],
  args: {
    open: true,
    title: m.dialogTitle,
    closeLabel: m.close,
    status: m.in_progress,
    onClose: fn(),
    children: <p className="vw-story-flow">The provider flow renders here.</p>,
  },
} satisfies Meta<typeof VerificationDialog>
export default meta

type Story = StoryObj<typeof meta>

export const Open: Story = {
  play: async ({ args }) => {
    const dialog = await within(document.body).findByRole('dialog', { name: m.dialogTitle })
    await expect(within(dialog).getByRole('status')).toHaveTextContent(m.in_progress)
    await expect(within(dialog).getByRole('button', { name: m.close })).toBeVisible()
    await expect(args.onClose).not.toHaveBeenCalled()
  },
}

export const EscapeCloses: Story = {
  name: 'Escape asks the owner to close',
  play: async ({ args }) => {
    const dialog = await within(document.body).findByRole('dialog', { name: m.dialogTitle })
    pressEscape(dialog)
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1))
  },
}

export const CloseButton: Story = {
  play: async ({ args, userEvent }) => {
    const dialog = await within(document.body).findByRole('dialog', { name: m.dialogTitle })
    await userEvent.click(within(dialog).getByRole('button', { name: m.close }))
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1))
  },
}

export const RightToLeft: Story = {
  parameters: { dir: 'rtl' },
  args: {
    dir: 'rtl',
    title: 'التحقق من الهوية',
    closeLabel: 'إغلاق',
    status: 'التحقق جارٍ',
    children: <p lang="ar">تظهر خطوات التحقق هنا.</p>,
  },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: ar.dialogTitle })
    await expect(dialog).toHaveAttribute('dir', 'rtl')
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async () => {
    await within(document.body).findByRole('dialog', { name: m.dialogTitle })
  },
}
