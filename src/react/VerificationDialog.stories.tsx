import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import './styles.css'
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
    title: 'Identity verification',
    closeLabel: 'Close',
    status: 'Verification in progress',
    onClose: fn(),
    children: <p className="vw-story-flow">The provider flow renders here.</p>,
  },
} satisfies Meta<typeof VerificationDialog>
export default meta

type Story = StoryObj<typeof meta>

export const Open: Story = {
  play: async ({ args }) => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Identity verification' })
    await expect(within(dialog).getByRole('status')).toHaveTextContent('Verification in progress')
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toBeVisible()
    await expect(args.onClose).not.toHaveBeenCalled()
  },
}

export const EscapeCloses: Story = {
  name: 'Escape asks the owner to close',
  play: async ({ args, userEvent }) => {
    await within(document.body).findByRole('dialog', { name: 'Identity verification' })
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1))
  },
}

export const CloseButton: Story = {
  play: async ({ args, userEvent }) => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Identity verification' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
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
    const dialog = await within(document.body).findByRole('dialog', { name: 'التحقق من الهوية' })
    await expect(dialog).toHaveAttribute('dir', 'rtl')
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async () => {
    await within(document.body).findByRole('dialog', { name: 'Identity verification' })
  },
}
